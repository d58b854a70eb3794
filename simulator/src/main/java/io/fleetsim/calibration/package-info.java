/**
 * Step-time profiles: fitting the step-time model's factors to measured points
 * ({@code fleetsim calibrate}), the shipped profiles and how a pool finds its own.
 */
package io.fleetsim.calibration;
