package dev.kafkapatterns.bench.report;

/**
 * One target of issue 7: a figure of the system, the baseline it is held against (a Kafka tool's
 * figure from the same run), the ratio and whether it meets the target.
 *
 * @param figure what was measured
 * @param measured the figure
 * @param unit its unit
 * @param baselineName the baseline
 * @param baseline the baseline's figure
 * @param baselineUnit its unit
 * @param ratio measured / baseline
 * @param target the target, in words, for example {@code ≥ 3%}
 * @param pass whether the ratio meets the target
 */
public record TargetCheck(String figure, double measured, String unit, String baselineName, double baseline,
		String baselineUnit, double ratio, String target, boolean pass) {

	static TargetCheck atLeast(String figure, double measured, String unit, String baselineName, double baseline,
			String baselineUnit, double minimumRatio, String target, boolean valid) {
		double ratio = (baseline > 0) ? measured / baseline : 0;
		return new TargetCheck(figure, measured, unit, baselineName, baseline, baselineUnit, ratio, target,
				valid && ratio >= minimumRatio);
	}

	static TargetCheck atMost(String figure, double measured, String unit, String baselineName, double baseline,
			double maximumRatio, String target, boolean valid) {
		double ratio = (baseline > 0) ? measured / baseline : 0;
		return new TargetCheck(figure, measured, unit, baselineName, baseline, unit, ratio, target,
				valid && baseline > 0 && ratio <= maximumRatio);
	}

}
