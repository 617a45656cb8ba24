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
package org.openhab.binding.dyson.internal.handler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;

/**
 * openHAB's {@link Storage} kept in memory: what the account handler persists survives a handler restart as long as
 * the test keeps this object. Null values remove the key, as core's JSON storage does.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class InMemoryStorage implements Storage<String> {

    private final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public @Nullable String put(String key, @Nullable String value) {
        return value == null ? entries.remove(key) : entries.put(key, value);
    }

    @Override
    public @Nullable String remove(String key) {
        return entries.remove(key);
    }

    @Override
    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    @Override
    public @Nullable String get(String key) {
        return entries.get(key);
    }

    @Override
    public Collection<String> getKeys() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public Collection<@Nullable String> getValues() {
        return List.copyOf(entries.values());
    }
}
