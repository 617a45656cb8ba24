/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.core.config.core;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in of openHAB Core's mapping of configuration maps onto configuration beans. Supports the scalar field
 * types of core (String, numbers, boolean, BigDecimal, enums); collection fields are left out of the stand-in.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class ConfigParser {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigParser.class);
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, short.class,
            Short.class, byte.class, Byte.class);

    private ConfigParser() {
    }

    /**
     * Creates the bean with its no-argument constructor and sets every non-final, non-transient field (of the class
     * and its super classes) that has a convertible value in the map; {@code null} without such constructor.
     */
    public static <T> @Nullable T configurationAs(Map<String, @Nullable Object> properties,
            Class<T> configurationClass) {
        T configuration;
        try {
            configuration = configurationClass.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            return null;
        }
        for (Class<?> type = configurationClass; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                setField(configuration, field, properties.get(field.getName()));
            }
        }
        return configuration;
    }

    private static void setField(Object configuration, Field field, @Nullable Object rawValue) {
        if (rawValue == null || Modifier.isFinal(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                || Modifier.isStatic(field.getModifiers())) {
            return;
        }
        Object value = valueAs(rawValue, field.getType());
        if (value == null) {
            LOGGER.warn("Could not set value for field '{}' because conversion failed.", field.getName());
            return;
        }
        try {
            field.setAccessible(true);
            field.set(configuration, value);
        } catch (IllegalAccessException | RuntimeException e) {
            LOGGER.warn("Could not set field value for field '{}': {}", field.getName(), e.getMessage());
        }
    }

    public static <T> T valueAsOrElse(@Nullable Object value, Class<T> type, T defaultValue) {
        T converted = valueAs(value, type);
        return converted != null ? converted : defaultValue;
    }

    /**
     * Converts a number, a string or an already matching value to the given type; {@code null} if impossible.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static <T> @Nullable T valueAs(@Nullable Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return (T) value;
        }
        Class<?> target = WRAPPERS.getOrDefault(type, type);
        if (target.isInstance(value)) {
            return (T) value;
        }
        Object result = null;
        try {
            if (value instanceof Number number) {
                result = fromNumber(number, target);
            } else if (value instanceof String text) {
                if (target == Boolean.class) {
                    result = Boolean.valueOf(text);
                } else if (target.isEnum()) {
                    result = Enum.valueOf((Class<? extends Enum>) target, text);
                } else {
                    result = fromNumber(new BigDecimal(text), target);
                }
            }
        } catch (IllegalArgumentException e) {
            result = null;
        }
        if (result != null && target.isInstance(result)) {
            return (T) result;
        }
        LOGGER.warn("Conversion of value '{}' with type '{}' to '{}' failed.", value, value.getClass(), type);
        return null;
    }

    private static @Nullable Object fromNumber(Number number, Class<?> target) {
        if (target == Integer.class) {
            return number.intValue();
        } else if (target == Long.class) {
            return number.longValue();
        } else if (target == Double.class) {
            return number.doubleValue();
        } else if (target == Float.class) {
            return number.floatValue();
        } else if (target == Short.class) {
            return number.shortValue();
        } else if (target == Byte.class) {
            return number.byteValue();
        } else if (target == BigDecimal.class) {
            return new BigDecimal(number.toString());
        }
        return null;
    }
}
