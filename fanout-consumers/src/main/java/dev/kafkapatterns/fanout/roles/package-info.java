/**
 * Picking the fanout roles a process runs: {@code fanout.role} ({@code FANOUT_ROLE}).
 */
package dev.kafkapatterns.fanout.roles;
