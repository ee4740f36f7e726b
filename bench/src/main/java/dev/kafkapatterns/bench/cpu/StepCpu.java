package dev.kafkapatterns.bench.cpu;

import java.util.Map;

/**
 * The CPU used during one step of a run, in cores: CPU seconds divided by the step's seconds.
 *
 * @param step the step, as the run names it ({@code drain}, {@code latency}, ...)
 * @param seconds how long the step took
 * @param machineBusyCores the whole machine's busy time, from {@code /proc/stat}; {@code null}
 * where there is none
 * @param coresByProcess per kind of process ({@code benchmark}, {@code kafka}, a service's jar
 * name, {@code local-stack} for the launcher): the CPU of every such process that was alive at
 * the step's end, summed
 */
public record StepCpu(String step, double seconds, Double machineBusyCores, Map<String, Double> coresByProcess) {

}
