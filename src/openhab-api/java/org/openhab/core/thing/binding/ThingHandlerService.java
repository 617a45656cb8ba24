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
package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's services bound to a thing handler (e.g. bridge-bound discovery).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public interface ThingHandlerService {

    void setThingHandler(ThingHandler handler);

    @Nullable
    ThingHandler getThingHandler();

    default void activate() {
    }

    default void deactivate() {
    }

    default void initialize() {
    }

    default void dispose() {
    }
}
