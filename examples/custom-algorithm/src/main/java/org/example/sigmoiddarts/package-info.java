/**
 * sigmoid_darts, a nas4j algorithm that lives outside nas4j: DARTS's supernet and bilevel training
 * with an independent sigmoid weight per op ({@link org.example.sigmoiddarts.SigmoidMixedOp}) and a
 * finalizer that keeps only edges whose weight passes a threshold ({@link
 * org.example.sigmoiddarts.ThresholdFinalizers}).
 */
package org.example.sigmoiddarts;
