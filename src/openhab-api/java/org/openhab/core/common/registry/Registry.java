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
package org.openhab.core.common.registry;

import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's registry interface, with only the members the binding uses (core has more: listeners,
 * {@code getAll}, {@code add}, {@code update}, {@code remove}).
 *
 * @author Dyson binding team - Initial contribution
 * @param <E> type of the elements
 * @param <K> type of the elements' unique ids
 */
@NonNullByDefault
public interface Registry<E extends Identifiable<K>, K> {

    /** All elements of the registry. */
    Stream<E> stream();

    /** The element with this id, or null. */
    @Nullable
    E get(K key);
}
