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
package org.openhab.core.library.types;

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in of openHAB Core's percentage (0 to 100) state and command.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class PercentType extends DecimalType {

    private static final long serialVersionUID = 1L;

    public static final PercentType ZERO = new PercentType(0);
    public static final PercentType HUNDRED = new PercentType(100);

    public PercentType() {
        super();
    }

    public PercentType(int value) {
        this(BigDecimal.valueOf(value));
    }

    public PercentType(String value) {
        this(new BigDecimal(value));
    }

    public PercentType(BigDecimal value) {
        super(value);
        if (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(BIG_DECIMAL_HUNDRED) > 0) {
            throw new IllegalArgumentException("Value must be between 0 and 100: " + value);
        }
    }

    public static PercentType valueOf(String value) {
        return new PercentType(value);
    }
}
