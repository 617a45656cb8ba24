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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Builds status descriptions that openHAB translates: {@code @text/<key> ["<argument>"]}.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
final class StatusTexts {

    private StatusTexts() {
    }

    /**
     * A {@code @text/} reference with one argument; a double quote in the argument would end it early, so it
     * becomes '.
     */
    static String withArgument(String textReference, String argument) {
        return textReference + " [\"" + argument.replace('"', '\'') + "\"]";
    }
}
