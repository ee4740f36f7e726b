package dev.kafkapatterns.support.delivery;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Work that must be done once the application context is ready and before any listener
 * container starts consuming: a lifecycle bean one phase before the containers, which start in
 * the listener registry's phase. It counts as running once {@link #beforeListenersStart()}
 * returned; if that throws, the start-up fails there.
 */
public abstract class BeforeListenersStart implements SmartLifecycle {

	private volatile boolean running;

	@Override
	public final void start() {
		beforeListenersStart();
		this.running = true;
	}

	/** The work; the listener containers start when it returns. */
	protected abstract void beforeListenersStart();

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

}
