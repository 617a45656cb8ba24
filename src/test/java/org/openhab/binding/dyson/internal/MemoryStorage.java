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
package org.openhab.binding.dyson.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.storage.Storage;

/**
 * In-memory openHAB storage for handlers under test: a Mockito {@link Storage} (tests never implement core
 * interfaces) answering from a map, as openHAB's JSON storage does (putting null removes the key).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public final class MemoryStorage {

    private MemoryStorage() {
    }

    /** A new, empty storage. Stub-only: it records no invocations, so a long soak does not accumulate them. */
    @SuppressWarnings("unchecked")
    public static Storage<String> create() {
        Map<String, String> values = new ConcurrentHashMap<>();
        Storage<String> storage = mock(Storage.class, withSettings().stubOnly());
        doAnswer(call -> {
            String key = call.getArgument(0);
            @Nullable
            String value = call.getArgument(1);
            return value == null ? values.remove(key) : values.put(key, value);
        }).when(storage).put(any(), any());
        doAnswer(call -> values.remove(call.<String> getArgument(0))).when(storage).remove(any());
        doAnswer(call -> values.containsKey(call.<String> getArgument(0))).when(storage).containsKey(any());
        doAnswer(call -> values.get(call.<String> getArgument(0))).when(storage).get(any());
        doAnswer(call -> values.keySet()).when(storage).getKeys();
        doAnswer(call -> new ArrayList<>(values.values())).when(storage).getValues();
        return storage;
    }
}
