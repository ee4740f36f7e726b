package dev.kafkapatterns.localstack.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver, as the
 * dashboard's own browser test drives it. Nothing is downloaded: Selenium Manager, which would
 * fetch a driver, never runs, because the driver and the browser are named explicitly.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Whether Chromium and its driver are installed where this machine's packages put them. */
	static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	/** The message of a test that skips for want of Chromium. */
	static String missing() {
		return "Chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER + ") are not installed: skipping the "
				+ "browser test. Install them with: apt-get install -y chromium chromium-driver";
	}

	/**
	 * Starts a browser with a fresh profile and a window large enough for the whole page.
	 */
	static HeadlessChromium start() {
		try {
			Path profile = Files.createTempDirectory("local-stack-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--user-data-dir=" + profile, "--window-size=1600,1400");
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new HeadlessChromium(new ChromeDriver(service, options), profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** Saves what the window shows as a PNG. */
	void screenshot(Path file) throws IOException {
		File taken = this.driver.getScreenshotAs(OutputType.FILE);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
	}

	/** The messages of the browser's console so far. */
	List<String> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> paths = Files.walk(this.profile)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// A browser profile left in the temporary directory is not worth failing a test for.
			}
		}
	}

}
