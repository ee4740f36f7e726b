package dev.kafkapatterns.support.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kafkapatterns.support.errors.ExceptionCauses;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Makes the receipts producer while the application starts, instead of on the first event.
 *
 * <p>{@link org.springframework.kafka.core.KafkaTemplate} makes its producer on the first send,
 * and that send then waits for the producer to start, connect, fetch the receipts topic's metadata
 * and get its idempotent producer id. On the busy two-core machine that took 1.2 to 3.5 s, and a
 * worker that had just joined the group sat on its first job for that long while the others
 * worked. So the producer is made on its own thread as soon as this bean exists, alongside the
 * rest of the start-up, and the listener containers, which start after this bean, wait for it for
 * at most {@code app.receipts.producer-start-wait}: a consumer joins its group ready to send
 * receipts. If the broker does not answer by then, the listeners start all the same and the first
 * receipt waits, as it always did.
 */
class ReceiptProducerWarmUp extends BeforeListenersStart implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(ReceiptProducerWarmUp.class);

	private final DeliveryRecorder recorder;

	private final Duration startWait;

	private volatile CompletableFuture<Void> producerReady = new CompletableFuture<>();

	ReceiptProducerWarmUp(DeliveryRecorder recorder, Duration startWait) {
		this.recorder = recorder;
		this.startWait = startWait;
	}

	@Override
	public void afterPropertiesSet() {
		SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("receipts-producer-warm-up-");
		thread.setDaemon(true);
		this.producerReady = CompletableFuture.runAsync(this::makeProducer, thread);
	}

	private void makeProducer() {
		long started = System.nanoTime();
		int partitions = this.recorder.connect();
		logger.debug("Receipts producer ready in {} ms ({} partitions of {})",
				(System.nanoTime() - started) / 1_000_000, partitions, this.recorder.receiptsTopic());
	}

	/** Waits for the producer, for at most the start wait: the listener containers start next. */
	@Override
	protected void beforeListenersStart() {
		try {
			this.producerReady.get(this.startWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			String reason = (ex instanceof TimeoutException) ? "not ready within " + this.startWait.toMillis() + " ms"
					: ExceptionCauses.reason(ex.getCause());
			logger.debug("Receipts producer {}; the listeners start all the same", reason);
		}
	}

}
