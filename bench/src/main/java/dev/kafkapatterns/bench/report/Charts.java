package dev.kafkapatterns.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler.LegendPosition;

import dev.kafkapatterns.bench.drain.DrainScenario.GroupDrain;
import dev.kafkapatterns.bench.histogram.LatencySummary;
import dev.kafkapatterns.bench.latency.OpenLoopLatencyScenario.GroupLatency;
import dev.kafkapatterns.bench.scaling.WorkerScalingScenario.ScalingStep;

/**
 * The PNG charts: each figure of the system as a bar next to its target and its Kafka baseline,
 * on logarithmic axes because they are orders of magnitude apart.
 */
final class Charts {

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 520;

	/** A log axis cannot show 0; anything below this is drawn at it. */
	private static final double FLOOR = 0.01;

	private Charts() {
	}

	static void write(BenchmarkResults results, Path directory) throws IOException {
		if (drawsThroughput(results)) {
			throughput(results, directory.resolve("throughput"));
		}
		if (drawsLatency(results)) {
			latency(results, directory.resolve("latency"));
		}
		if (results.scaling() != null && !results.scaling().steps().isEmpty()) {
			scaling(results, directory.resolve("scaling"));
		}
		List<LatencyByRate.Offered> offered = LatencyByRate.offered(results);
		if (!offered.isEmpty()) {
			latencyByRate(results, offered, directory.resolve("latency-by-rate"));
		}
	}

	/** Whether the run has a latency chart: the latency scenario and the baseline it is held against. */
	static boolean drawsLatency(BenchmarkResults results) {
		return results.baselines() != null && results.latency() != null;
	}

	/** Whether the run has a throughput chart: baselines and a REST or drain figure to hold against them. */
	static boolean drawsThroughput(BenchmarkResults results) {
		return results.baselines() != null
				&& (results.restBatch() != null || results.restSingle() != null || results.drain() != null);
	}

	private static void throughput(BenchmarkResults results, Path file) throws IOException {
		double producer = results.baselines().producer().recordsPerSecond();
		List<String> names = new ArrayList<>();
		List<Number> measured = new ArrayList<>();
		List<Number> targets = new ArrayList<>();
		List<Number> baselines = new ArrayList<>();
		if (results.restBatch() != null) {
			names.add("REST batch (events/s)");
			measured.add(results.restBatch().eventsPerSecond());
			targets.add(producer * Targets.REST_BATCH_MIN);
			baselines.add(producer);
		}
		if (results.restSingle() != null) {
			names.add("REST single (requests/s)");
			measured.add(results.restSingle().requestsPerSecond());
			targets.add(producer * Targets.REST_SINGLE_MIN);
			baselines.add(producer);
		}
		if (results.drain() != null) {
			for (GroupDrain group : results.drain().groups()) {
				names.add("drain " + group.group());
				measured.add(group.eventsPerSecond());
				targets.add(producer * Targets.DRAIN_MIN);
				baselines.add(producer);
			}
		}
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Throughput against ProducerPerformance (" + Math.round(producer) + " records/s), same run")
			.yAxisTitle("per second (log scale)")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setXAxisLabelRotation(20);
		logAxisFrom(chart, measured, targets, baselines);
		chart.addSeries("this system", names, floor(measured));
		chart.addSeries("target", names, floor(targets));
		chart.addSeries("ProducerPerformance", names, floor(baselines));
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
	}

	private static void latency(BenchmarkResults results, Path file) throws IOException {
		double endToEnd = Targets.endToEndP99(results);
		List<String> names = new ArrayList<>();
		List<Number> p50 = new ArrayList<>();
		List<Number> p99 = new ArrayList<>();
		List<Number> target = new ArrayList<>();
		List<Number> baseline = new ArrayList<>();
		for (GroupLatency group : results.latency().groups()) {
			names.add(group.group());
			p50.add(group.latency().p50Ms());
			p99.add(group.latency().p99Ms());
			target.add(endToEnd * Targets.LATENCY_MAX);
			baseline.add(endToEnd);
		}
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Publish to processed at " + Math.round(results.latency().offeredPerSecond())
					+ " events/s, open loop, against EndToEndLatency p99")
			.yAxisTitle("milliseconds (log scale)")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		logAxisFrom(chart, p50, p99, target, baseline);
		chart.addSeries("p50", names, floor(p50));
		chart.addSeries("p99", names, floor(p99));
		chart.addSeries("target p99 (10x EndToEndLatency p99)", names, floor(target));
		chart.addSeries("EndToEndLatency p99", names, floor(baseline));
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
	}

	/** The slowest group's p50 and p99 at each rate offered, on a log axis, against the target. */
	private static void latencyByRate(BenchmarkResults results, List<LatencyByRate.Offered> offered, Path file)
			throws IOException {
		List<Double> rates = new ArrayList<>();
		List<Double> p50 = new ArrayList<>();
		List<Double> p99 = new ArrayList<>();
		for (LatencyByRate.Offered rate : offered) {
			rates.add(rate.latency().offeredPerSecond());
			p50.add(Math.max(FLOOR, LatencyByRate.slowestGroup(rate.latency(), LatencySummary::p50Ms)));
			p99.add(Math.max(FLOOR, LatencyByRate.slowestGroup(rate.latency(), LatencySummary::p99Ms)));
		}
		XYChart chart = new XYChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Publish to processed against the offered rate, slowest group, open loop")
			.xAxisTitle("events/s offered")
			.yAxisTitle("milliseconds (log scale)")
			.build();
		chart.getStyler().setYAxisLogarithmic(true);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setXAxisMin(0.0);
		chart.addSeries("p50", rates, p50);
		chart.addSeries("p99", rates, p99);
		if (results.baselines() != null) {
			double endToEnd = Targets.endToEndP99(results);
			List<Double> ends = List.of(0.0, rates.get(rates.size() - 1));
			chart.addSeries("target p99 (10x EndToEndLatency p99)", ends,
					List.of(endToEnd * Targets.LATENCY_MAX, endToEnd * Targets.LATENCY_MAX))
				.setMarker(SeriesMarkers.NONE);
			chart.addSeries("EndToEndLatency p99", ends, List.of(endToEnd, endToEnd)).setMarker(SeriesMarkers.NONE);
		}
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
	}

	private static void scaling(BenchmarkResults results, Path file) throws IOException {
		List<String> workers = new ArrayList<>();
		List<Number> measured = new ArrayList<>();
		List<Number> linear = new ArrayList<>();
		List<Number> target = new ArrayList<>();
		for (ScalingStep step : results.scaling().steps()) {
			workers.add(String.valueOf(step.workers()));
			measured.add(step.jobsPerSecond());
			linear.add(step.linearJobsPerSecond());
			target.add(step.linearJobsPerSecond() * Targets.SCALING_MIN);
		}
		// Categories, not numbers: the worker counts are the steps that ran, 1, 2, 3 and 6 by default.
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Worker scaling, " + results.scaling().mode() + " mode, workMs=" + results.scaling().workMs() + ", "
					+ results.scaling().partitions() + " partitions")
			.xAxisTitle("workers")
			.yAxisTitle("jobs/s")
			.build();
		chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
		// Lines share the categories' x positions; without this each series is shifted like a bar.
		chart.getStyler().setOverlapped(true);
		chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
		chart.getStyler().setYAxisMin(0.0);
		chart.addSeries("measured", workers, measured);
		chart.addSeries("linear", workers, linear);
		chart.addSeries("90% of linear (target)", workers, target);
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
	}

	/**
	 * Bars start at zero unless told otherwise, which a log axis cannot show: start it at the
	 * power of ten below the smallest value.
	 */
	@SafeVarargs
	private static void logAxisFrom(CategoryChart chart, List<Number>... series) {
		double smallest = List.of(series)
			.stream()
			.flatMap(List::stream)
			.mapToDouble((value) -> Math.max(FLOOR, value.doubleValue()))
			.min()
			.orElse(1);
		chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
	}

	private static List<Number> floor(List<Number> values) {
		return values.stream().map((value) -> (Number) Math.max(FLOOR, value.doubleValue())).toList();
	}

}
