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

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's configuration map. Like core it stores every number as {@link BigDecimal}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class Configuration {

    private final Map<String, @Nullable Object> properties = new HashMap<>();

    public Configuration() {
    }

    public Configuration(@Nullable Configuration configuration) {
        this(configuration == null ? null : configuration.getProperties());
    }

    public Configuration(@Nullable Map<String, @Nullable Object> properties) {
        if (properties != null) {
            setProperties(properties);
        }
    }

    /**
     * Maps the values onto the public fields of a new instance of the class (see {@link ConfigParser}).
     */
    public <T> T as(Class<T> configurationClass) {
        synchronized (properties) {
            T configuration = ConfigParser.configurationAs(properties, configurationClass);
            if (configuration == null) {
                throw new IllegalArgumentException(configurationClass + " has no public no-argument constructor");
            }
            return configuration;
        }
    }

    public boolean containsKey(String key) {
        synchronized (properties) {
            return properties.containsKey(key);
        }
    }

    public @Nullable Object get(String key) {
        synchronized (properties) {
            return properties.get(key);
        }
    }

    public @Nullable Object put(String key, @Nullable Object value) {
        synchronized (properties) {
            return properties.put(key, normalize(value));
        }
    }

    public @Nullable Object remove(String key) {
        synchronized (properties) {
            return properties.remove(key);
        }
    }

    public Set<String> keySet() {
        synchronized (properties) {
            return Set.copyOf(properties.keySet());
        }
    }

    public Collection<@Nullable Object> values() {
        synchronized (properties) {
            return Collections.unmodifiableCollection(new HashMap<>(properties).values());
        }
    }

    /**
     * An unmodifiable copy of the current values.
     */
    public Map<String, @Nullable Object> getProperties() {
        synchronized (properties) {
            return Collections.unmodifiableMap(new HashMap<>(properties));
        }
    }

    public void setProperties(Map<String, @Nullable Object> newProperties) {
        synchronized (properties) {
            properties.clear();
            newProperties.forEach((key, value) -> properties.put(key, normalize(value)));
        }
    }

    private static @Nullable Object normalize(@Nullable Object value) {
        if (value instanceof Number && !(value instanceof BigDecimal)) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    @Override
    public int hashCode() {
        return getProperties().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && Objects.equals(getProperties(), other.getProperties());
    }

    @Override
    public String toString() {
        return "Configuration[" + getProperties() + "]";
    }
}
