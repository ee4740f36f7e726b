package dev.kafkapatterns.localstack.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kafkapatterns.localstack.ServiceState;
import dev.kafkapatterns.localstack.ServiceStatus;
import dev.kafkapatterns.model.Event;
import dev.kafkapatterns.support.testing.EventSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's headless Chromium, driven by Selenium) against the
 * whole system as local-stack runs it, with two queue workers: what a user publishes from the
 * page reaches every group and both workers, the groups panel shows how the workers split the
 * partitions, and whatever an event carries is shown as text, never run. Skips, with a message,
 * where Chromium or its driver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserSystemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> GROUPS = List.of("fanout-audit", "fanout-monitoring", "fanout-notifications",
			"queue-workers");

	/** Each would set {@code window.__xss} if the page ran it. */
	private static final String SCRIPT = "<script>window.__xss=1</script>";

	private static final String IMAGE = "<img src=x onerror=window.__xss=1>";

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	/** Tells this run's events from those other tests published on the shared stack. */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private SystemTestStack system;

	private HeadlessChromium chromium;

	private ChromeDriver browser;

	@BeforeAll
	void openTheDashboard() throws InterruptedException {
		assumeThat(HeadlessChromium.installed()).as(HeadlessChromium.missing()).isTrue();
		this.system = SystemTestStack.shared(2);
		this.chromium = HeadlessChromium.start();
		this.browser = this.chromium.driver();
		this.browser.get(this.system.stack().dashboardUrl().orElseThrow());
		await().atMost(PATIENCE).ignoreExceptions()
			.untilAsserted(() -> assertThat(this.browser.findElement(By.id("connection")).getText()).isEqualTo("live"));
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	@Order(1)
	void theDashboardIsOneOfTheStacksProcesses() {
		assertThat(this.system.stack().status()).filteredOn((process) -> process.name().equals("dashboard"))
			.singleElement()
			.satisfies((dashboard) -> {
				assertThat(dashboard.state()).isEqualTo(ServiceState.RUNNING);
				assertThat(dashboard.healthy()).isTrue();
			})
			.extracting(ServiceStatus::port)
			.isEqualTo(Integer.parseInt(this.system.stack().dashboardUrl().orElseThrow().replaceFirst(".*:", "")));
	}

	@Test
	@Order(2)
	void twentyEventsFromTheFormReachEveryGroupAndBothWorkers() {
		this.system.mark("dashboard: publishing 20 events from the form");
		List<String> ids = publishFromTheForm("order.placed", "", "{\"run\": \"" + this.run + "\"}", 20);
		assertThat(ids).hasSize(20).doesNotHaveDuplicates();

		// The page redraws the table as updates arrive, so elements are looked up afresh in each attempt.
		Map<String, String> workers = new HashMap<>();
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			workers.clear();
			for (String id : ids) {
				WebElement row = row(id);
				assertThat(row.findElements(By.cssSelector("td.delivery.done")))
					.extracting((cell) -> cell.getDomAttribute("data-group"))
					.as("groups that processed " + id)
					.containsExactlyInAnyOrderElementsOf(GROUPS);
				WebElement queue = row.findElement(By.cssSelector("td[data-group='queue-workers']"));
				workers.put(queue.getText(), queue.getCssValue("background-color"));
			}
			assertThat(workers).containsOnlyKeys("queue-worker-1", "queue-worker-2");
		});
		assertThat(workers.get("queue-worker-1")).as("each worker has its colour").isNotEqualTo(workers.get("queue-worker-2"));
		SystemTestReport.record("dashboard in Chromium: 20 events from the form, each shown with 4 deliveries; the "
				+ "queue column shows queue-worker-1 and queue-worker-2");
	}

	@Test
	@Order(3)
	void theGroupsPanelShowsTwoWorkersWithThreePartitionsEach() {
		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			WebElement group = this.browser.findElement(By.cssSelector(".group[data-group='queue-workers']"));
			List<WebElement> members = group.findElements(By.cssSelector("tr.member"));
			assertThat(members).hasSize(2);
			assertThat(members).allSatisfy((member) -> assertThat(
					member.findElement(By.cssSelector(".owned")).getText().split(", ")).hasSize(3));
			assertThat(group.findElement(By.cssSelector(".facts")).getText()).contains("consumer group", "2 members");
			assertThat(group.findElements(By.cssSelector("table.partitions tbody tr"))).hasSize(6);
			// The panel is redrawn on every update, so each look-up is retried with the rest of the attempt.
			for (String fanout : List.of("fanout-audit", "fanout-notifications", "fanout-monitoring")) {
				assertThat(this.browser.findElement(By.cssSelector(".group[data-group='" + fanout + "'] .facts"))
					.getText()).as(fanout).contains("1 member");
			}
		});
	}

	@Test
	@Order(4)
	void whatAnEventCarriesIsShownAsTextAndNeverRuns() throws IOException {
		this.system.mark("dashboard: events with markup in type, key and payload");
		String key = "key" + IMAGE + SCRIPT;
		String payload = "{\"html\": \"" + IMAGE + "\", \"script\": \"" + SCRIPT + "\", \"run\": \"" + this.run + "\"}";
		String fromTheForm = publishFromTheForm("order.placed", key, payload, 1).get(0);

		// The producer-service refuses such a type (400), and the page shows its problem as text...
		publish("xss" + SCRIPT, "customer-1", "{}", 1);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(result().getDomAttribute("class")).contains("problem"));
		assertThat(result().getText()).startsWith("400");
		// ...so one is written straight to Kafka, as a careless client could.
		Event hostile;
		try (EventSender events = new EventSender(this.system.stack().bootstrapServers(), "events")) {
			hostile = events.send("xss" + SCRIPT + IMAGE, "customer" + IMAGE, Map.of("html", IMAGE, "run", this.run));
		}

		await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
			WebElement formRow = row(fromTheForm);
			assertThat(formRow.findElement(By.cssSelector(".key")).getText()).isEqualTo("key " + key);
			assertThat(formRow.findElement(By.cssSelector(".payload")).getDomProperty("textContent")).contains(IMAGE,
					SCRIPT);
			WebElement kafkaRow = row(hostile.id());
			assertThat(kafkaRow.findElement(By.cssSelector(".type")).getText()).isEqualTo("xss" + SCRIPT + IMAGE);
			assertThat(kafkaRow.findElement(By.cssSelector(".key")).getText()).isEqualTo("key customer" + IMAGE);
			assertThat(kafkaRow.findElement(By.cssSelector(".payload")).getDomProperty("textContent")).contains(IMAGE);
		});
		assertThat(this.browser.findElements(By.cssSelector("#deliveries img, #deliveries script, #publish-result img")))
			.as("elements made from an event's text")
			.isEmpty();
		assertThat(this.browser.findElements(By.tagName("script"))).as("the page's own script only").hasSize(1);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return typeof window.__xss"))
			.as("the flag an event's script would set")
			.isEqualTo("undefined");
		assertThat(this.chromium.console()).as("script errors or blocked scripts in the browser's console")
			.noneMatch((message) -> message.contains("Content Security Policy") || message.contains("Uncaught"));

		this.chromium.screenshot(Path.of("target", "dashboard-system-test.png"));
		SystemTestReport.record("dashboard in Chromium: markup in an event's type, key and payload shown as text, "
				+ "no element made from it, no script run; screenshot target/dashboard-system-test.png");
	}

	/**
	 * Fills the form, publishes and waits for the producer's 202.
	 * @return the ids of the published events
	 */
	private List<String> publishFromTheForm(String type, String key, String payload, int count) {
		publish(type, key, payload, count);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(result().getText()).startsWith("202: " + count + " event"));
		JsonNode answer = JSON.readTree(result().findElement(By.tagName("pre")).getDomProperty("textContent"));
		return answer.get("results").valueStream().map((result) -> result.get("id").asString()).toList();
	}

	private void publish(String type, String key, String payload, int count) {
		// The previous answer goes first, so the next one is not mistaken for it.
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('publish-result').replaceChildren()");
		type("publish-type", type);
		type("publish-key", key);
		type("publish-payload", payload);
		type("publish-work", "20");
		type("publish-count", String.valueOf(count));
		this.browser.findElement(By.id("publish-button")).click();
	}

	private void type(String field, String text) {
		WebElement input = this.browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	private WebElement result() {
		return this.browser.findElement(By.id("publish-result"));
	}

	private WebElement row(String id) {
		return this.browser.findElement(By.cssSelector("tr[data-event-id='" + id + "']"));
	}

}
