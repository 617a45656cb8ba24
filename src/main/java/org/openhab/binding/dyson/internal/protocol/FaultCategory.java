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
package org.openhab.binding.dyson.internal.protocol;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The four fault maps of {@code CURRENT-FAULTS} / {@code FAULTS-CHANGE}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum FaultCategory {
    PRODUCT_ERRORS("product-errors"),
    PRODUCT_WARNINGS("product-warnings"),
    MODULE_ERRORS("module-errors"),
    MODULE_WARNINGS("module-warnings");

    private final String wireName;

    FaultCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Product faults concern the appliance; module faults are Wi-Fi module diagnostics. */
    public boolean isProduct() {
        return this == PRODUCT_ERRORS || this == PRODUCT_WARNINGS;
    }
}
