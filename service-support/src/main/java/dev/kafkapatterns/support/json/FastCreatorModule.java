package dev.kafkapatterns.support.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * Calls the constructor that Jackson binds a record (or any class with a properties-based
 * constructor) with through a method handle made once per type, instead of Jackson 3's
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle to its arguments again on every
 * call. On the services' C1 compiler that adaptation was a third of the time Jackson took to read a
 * {@code DeliveryReceipt}, and 8 % of the producer-service's CPU in a drain (it reads four receipts
 * per event); about 3 % of a fanout consumer's, for each {@code Event}.
 *
 * <p>Only Jackson's own instantiator for a constructor is replaced, by a copy that differs in that
 * one call: the arguments, the conversions (unboxing, a {@code null} for a primitive), what a
 * constructor throws and how Jackson reports it stay the same. Anything else (a static factory, a
 * custom instantiator, a constructor this class cannot make a handle for) keeps Jackson's.
 *
 * <p>Registered in {@code META-INF/services} next to {@link FastInstantModule}, so Boot's
 * {@code JsonMapper} and the JSON deserializers Kafka creates from class names both pick it up.
 */
public final class FastCreatorModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/** The module, as the service loader creates it. */
	public FastCreatorModule() {
		super(FastCreatorModule.class.getSimpleName());
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.addValueInstantiators(new ConstructorInstantiators());
	}

	/** Swaps Jackson's instantiator for one with a ready handle, where it calls a constructor. */
	static final class ConstructorInstantiators extends ValueInstantiators.Base {

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
			if (defaultInstantiator.getClass() != StdValueInstantiator.class) {
				return defaultInstantiator;
			}
			StdValueInstantiator jacksons = (StdValueInstantiator) defaultInstantiator;
			AnnotatedWithParams creator = jacksons.getWithArgsCreator();
			if (!(creator instanceof AnnotatedConstructor constructor) || constructor.getParameterCount() == 0) {
				return defaultInstantiator;
			}
			MethodHandle handle = spreadHandle(constructor.getAnnotated());
			return (handle != null) ? new FastConstructorInstantiator(jacksons, handle) : defaultInstantiator;
		}

		/**
		 * The constructor as a handle of type {@code (Object[])Object}, with the same conversions
		 * {@code invokeWithArguments} applies; {@code null} when it is not accessible from here.
		 */
		private static MethodHandle spreadHandle(Constructor<?> constructor) {
			int arity = constructor.getParameterCount();
			try {
				return MethodHandles.lookup()
					.unreflectConstructor(constructor)
					.asType(MethodType.genericMethodType(arity))
					.asSpreader(Object[].class, arity);
			}
			catch (IllegalAccessException ex) {
				return null;
			}
		}

	}

	/** Jackson's instantiator, with the constructor called through a ready handle. */
	static final class FastConstructorInstantiator extends StdValueInstantiator {

		private static final long serialVersionUID = 1L;

		private final transient MethodHandle constructor;

		FastConstructorInstantiator(StdValueInstantiator jacksons, MethodHandle constructor) {
			super(jacksons);
			this.constructor = constructor;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
			try {
				return (Object) this.constructor.invokeExact(args);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// As Jackson's own: the constructor's exception, wrapped and reported the same way.
				return ctxt.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(ctxt, ex));
			}
		}

	}

}
