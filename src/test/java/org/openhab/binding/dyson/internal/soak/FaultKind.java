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
package org.openhab.binding.dyson.internal.soak;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The faults a soak injects (see {@link FaultInjector}).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
enum FaultKind {
    /** The broker (every local broker and the cloud broker) stops for a few seconds. */
    BROKER_RESTART("broker restart"),
    /** Every cloud session ends at once. */
    SESSION_EXPIRY("cloud session expiry"),
    /** One thing's connection is reset. */
    CONNECTION_DROP("connection drop"),
    /** One device stops answering and publishing for a few seconds. */
    SILENT_DEVICE("silent device"),
    /** The cloud API answers 500 to the next IoT credential requests and one cloud thing's connection is reset. */
    CLOUD_ERRORS("cloud API errors");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
