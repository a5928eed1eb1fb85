package org.nas4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.nas4j.core.NasException;

/**
 * An exclusive lock on a directory held by one process at a time, so that two runs never write the
 * same experiment's files. The lock is the operating system's lock on {@code .nas.lock} inside the
 * directory, released when the holder closes it or dies (even by {@code kill -9}); the file also
 * records the holder's pid for the message the next process gets.
 *
 * <pre>{@code
 * try (DirLock lock = DirLock.acquire(expDir)) {
 *     ... write the experiment ...
 * }
 * }</pre>
 */
public final class DirLock implements AutoCloseable {
    /** The lock file's name inside the locked directory. */
    public static final String FILE = ".nas.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created when missing) at once, without waiting.
     *
     * @throws NasException naming the holder's pid when another process (or this one) holds it
     */
    public static DirLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch =
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new NasException(
                        "The experiment directory "
                                + dir.toAbsolutePath().normalize()
                                + " is in use by another nas process"
                                + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                                + "; wait for it to finish, stop it, or give this run another"
                                + " --exp-dir.");
            }
            ch.truncate(0);
            ch.write(
                    ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n")
                                    .getBytes(StandardCharsets.US_ASCII)),
                    0);
            ch.force(true);
            return new DirLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException(
                    "Could not lock " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the original error matters
            }
        }
    }

    /** Releases the lock; the file stays (an unlocked file means nobody holds the directory). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the directory lock", e);
        }
    }
}
