package dev.kafkapatterns.dashboard;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard's settings ({@code dashboard.*}).
 *
 * @param producerUrl the producer-service the page publishes through; configuration, never a
 * request parameter, so the dashboard cannot be used as an open proxy
 * @param publishTimeout the longest a publish waits for the producer-service's answer
 * @param deliveries the live deliveries table
 * @param stream the Server-Sent Events stream
 * @param groups the groups panel
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(@DefaultValue("http://localhost:8080") @NotNull URI producerUrl,
		@DefaultValue("15s") @NotNull Duration publishTimeout, @DefaultValue @Valid Deliveries deliveries,
		@DefaultValue @Valid Stream stream, @DefaultValue @Valid Groups groups) {

	/**
	 * The live deliveries table.
	 *
	 * @param maxRows the events kept and shown, newest first
	 * @param maxTextLength the longest type, key, payload or reason kept per event; longer text
	 * is cut, so a huge payload cannot grow the dashboard's memory
	 */
	public record Deliveries(@DefaultValue("200") @Min(1) @Max(5000) int maxRows,
			@DefaultValue("1000") @Min(50) int maxTextLength) {
	}

	/**
	 * The Server-Sent Events stream to each open page.
	 *
	 * @param interval how often a client gets the changes since its last message; changes in
	 * between are coalesced
	 * @param maxClients open streams at once; one more is answered with 503
	 * @param slowClientTimeout a client whose last message has not been written after this long
	 * is dropped
	 * @param lifetime how long one stream stays open before the server closes it (the browser
	 * reconnects on its own)
	 */
	public record Stream(@DefaultValue("500ms") @NotNull Duration interval, @DefaultValue("20") @Min(1) int maxClients,
			@DefaultValue("5s") @NotNull Duration slowClientTimeout, @DefaultValue("30m") @NotNull Duration lifetime) {
	}

	/**
	 * The groups panel.
	 *
	 * @param refreshInterval how often the broker is asked about every group
	 * @param history how much lag and throughput history each group keeps for the charts
	 * @param adminTimeout the longest one question to the broker may take
	 */
	public record Groups(@DefaultValue("1s") @NotNull Duration refreshInterval,
			@DefaultValue("5m") @NotNull Duration history, @DefaultValue("3s") @NotNull Duration adminTimeout) {
	}

}
