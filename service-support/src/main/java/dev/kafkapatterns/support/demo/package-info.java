/**
 * The demo's levers, failures and work on purpose, and the switch that turns them on
 * ({@code app.demo.enabled}).
 */
package dev.kafkapatterns.support.demo;
