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
package org.openhab.binding.dyson.internal.device;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Which key steers the airflow: none, {@code fdir} (front/back, newer models) or {@code ffoc} (jet focus, HP02).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public enum AirflowControl {
    NONE,
    DIRECTION,
    JET_FOCUS
}
