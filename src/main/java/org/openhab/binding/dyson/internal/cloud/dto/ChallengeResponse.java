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
package org.openhab.binding.dyson.internal.cloud.dto;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Answer of {@code POST /v3/userregistration/email/auth} and {@code .../mobile/auth}: the id of the challenge whose
 * code Dyson e-mailed (or sent by SMS).
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class ChallengeResponse {
    public @Nullable String challengeId;
}
