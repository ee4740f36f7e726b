package dev.kafkapatterns.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import dev.kafkapatterns.dashboard.DashboardTest;
import dev.kafkapatterns.dashboard.KafkaRecords;
import dev.kafkapatterns.model.Event;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The page in a real browser (headless Chromium from Debian, driven by Selenium), against the
 * dashboard on a real broker. The events, receipts and dead letters are written to Kafka the way
 * the services write them, and two real consumers form the group {@code queue-workers}. Skips, with
 * a message, where Chromium or its driver is not installed.
 */
@DashboardTest
class DashboardBrowserIntegrationTests {

	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private static final List<String> FANOUT = List.of("fanout-audit", "fanout-notifications", "fanout-monitoring");

	private static final String SCRIPT = "<script>window.__xss=1</script>";

	private static final String IMAGE = "<img src=x onerror=\"window.__xss=1\">";

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private ChromeDriver browser;

	private Path profile;

	private final List<Thread> workers = new ArrayList<>();

	private final AtomicBoolean working = new AtomicBoolean(true);

	@BeforeEach
	void startBrowser() throws IOException {
		assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Chromium (%s) and chromedriver (%s) are not installed: skipping the browser test. "
					+ "Install them with: apt-get install -y chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
			.isTrue();
		this.profile = Files.createTempDirectory("dashboard-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile, "--window-size=1600,1400");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stop() throws Exception {
		this.working.set(false);
		for (Thread worker : this.workers) {
			worker.join(10_000);
		}
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	@Test
	void showsWhoGotEachEventTheGroupsAndEventTextOnlyAsText() throws Exception {
		worker("queue-worker-1");
		worker("queue-worker-2");
		List<Event> events = new ArrayList<>();
		Event hostile;
		Event dead;
		try (KafkaRecords kafka = new KafkaRecords(this.bootstrapServers)) {
			for (int i = 0; i < 6; i++) {
				Event event = kafka.event("order.placed", "customer-" + i, Map.of("orderId", "o-" + i));
				FANOUT.forEach((group) -> kafka.receipt(event, group, group));
				kafka.receipt(event, "queue-workers", "queue-worker-" + (1 + i % 2));
				events.add(event);
			}
			hostile = kafka.event("xss" + SCRIPT, "key" + IMAGE, Map.of("html", IMAGE, "script", SCRIPT));
			kafka.receipt(hostile, "fanout-audit", "instance" + IMAGE);
			dead = kafka.event("payment.requested", "customer-9", Map.of("failFor", "notifications"));
			kafka.receipt(dead, "fanout-audit", "fanout-audit");
			kafka.deadLetter(dead, "fanout-notifications", "simulated failure requested by payload, attempt 4");
			kafka.flush();
		}

		this.browser.get("http://localhost:" + this.port + "/");

		// The page redraws the table as updates arrive, so elements are looked up afresh in each attempt.
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			Map<String, String> colours = new HashMap<>();
			for (Event event : events) {
				WebElement row = row(event);
				List<WebElement> done = row.findElements(By.cssSelector("td.delivery.done"));
				assertThat(done).extracting((cell) -> cell.getAttribute("data-group"))
					.containsExactlyInAnyOrder("fanout-audit", "fanout-monitoring", "fanout-notifications", "queue-workers");
				WebElement queueCell = row.findElement(By.cssSelector("td[data-group='queue-workers']"));
				assertThat(queueCell.getText()).matches("queue-worker-[12]");
				colours.put(queueCell.getText(), queueCell.getCssValue("background-color"));
			}
			assertThat(colours).containsOnlyKeys("queue-worker-1", "queue-worker-2");
			assertThat(colours.get("queue-worker-1")).isNotEqualTo(colours.get("queue-worker-2"));

			WebElement deadRow = row(dead);
			assertThat(deadRow.getAttribute("class")).contains("dead");
			assertThat(deadRow.findElement(By.cssSelector("td[data-group='fanout-notifications']")).getText())
				.isEqualTo("dead-lettered: simulated failure requested by payload, attempt 4");

			WebElement hostileRow = row(hostile);
			assertThat(hostileRow.findElement(By.cssSelector(".type")).getText()).isEqualTo("xss" + SCRIPT);
			assertThat(hostileRow.findElement(By.cssSelector(".key")).getText()).isEqualTo("key key" + IMAGE);
			assertThat(hostileRow.findElement(By.cssSelector(".payload")).getDomProperty("textContent")).contains(IMAGE.replace("\"", "\\\""));
			assertThat(hostileRow.findElement(By.cssSelector("td[data-group='fanout-audit']")).getText())
				.isEqualTo("instance" + IMAGE);
		});
		assertThat(this.browser.findElements(By.cssSelector("#deliveries img, #deliveries script"))).isEmpty();
		assertThat(this.browser.findElements(By.tagName("script"))).hasSize(1);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return typeof window.__xss")).isEqualTo("undefined");

		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			WebElement group = this.browser.findElement(By.cssSelector(".group[data-group='queue-workers']"));
			List<WebElement> members = group.findElements(By.cssSelector("tr.member"));
			assertThat(members).hasSize(2);
			assertThat(members).allSatisfy((member) -> assertThat(member.findElement(By.cssSelector(".owned")).getText()
				.split(", ")).hasSize(3));
			assertThat(group.findElement(By.cssSelector(".facts")).getText()).contains("consumer group", "2 members",
					"total lag");
			assertThat(group.findElements(By.cssSelector("table.partitions tbody tr"))).hasSize(6);
			assertThat(group.findElement(By.tagName("canvas")).isDisplayed()).isTrue();
			assertThat(this.browser.findElement(By.id("readers")).getText()).contains("dashboard-dashboard-test");
		});
		assertThat(this.browser.findElement(By.id("connection")).getText()).isEqualTo("live");
		assertThat(this.browser.findElement(By.id("legend")).getText()).contains("Fanout", "Queue");

		File screenshot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(screenshot.toPath(), Path.of("target", "dashboard-browser.png"), StandardCopyOption.REPLACE_EXISTING);

		List<String> problems = this.browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Uncaught"))
			.toList();
		assertThat(problems).as("CSP violations or script errors in the browser console").isEmpty();
	}

	private WebElement row(Event event) {
		return this.browser.findElement(By.cssSelector("tr[data-event-id='" + event.id() + "']"));
	}

	/** A member of {@code queue-workers} that reads and commits, so the groups panel has a real group to show. */
	private void worker(String instance) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "queue-workers", ConsumerConfig.CLIENT_ID_CONFIG,
				"queue-worker-" + instance + "-0", ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(Set.of("events"));
		Thread thread = new Thread(() -> {
			while (this.working.get()) {
				consumer.poll(Duration.ofMillis(200));
				consumer.commitSync();
			}
			consumer.close();
		}, instance);
		thread.start();
		this.workers.add(thread);
	}

}
