/**
 * The dashboard service: {@code deliveries} (the live table), {@code groups} (the groups panel),
 * {@code stream} (the page's live feed), {@code publish} (the form, through the
 * producer-service) and {@code web} (what the web side shares).
 */
package dev.kafkapatterns.dashboard;
