/**
 * Where the CPU went during each step of a run: the machine's busy time and the CPU time of the
 * benchmark and of each kind of stack process, so that a report shows when the cores were full.
 */
package dev.kafkapatterns.bench.cpu;
