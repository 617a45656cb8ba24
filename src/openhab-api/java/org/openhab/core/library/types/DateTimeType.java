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

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in of openHAB Core's point-in-time state and command; only the members identical in 4.3 and 5.x.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public class DateTimeType implements PrimitiveType, State, Command, Comparable<DateTimeType> {

    public static final String DATE_PATTERN_WITH_TZ_AND_MS = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

    private final ZonedDateTime zonedDateTime;

    public DateTimeType() {
        this(ZonedDateTime.now());
    }

    public DateTimeType(Instant instant) {
        this(instant.atZone(ZoneId.systemDefault()));
    }

    public DateTimeType(ZonedDateTime zonedDateTime) {
        this.zonedDateTime = zonedDateTime;
    }

    public Instant getInstant() {
        return zonedDateTime.toInstant();
    }

    public ZonedDateTime getZonedDateTime(ZoneId zoneId) {
        return zonedDateTime.withZoneSameInstant(zoneId);
    }

    @Override
    public String format(String pattern) {
        return String.format(pattern, zonedDateTime);
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return DateTimeFormatter.ofPattern(DATE_PATTERN_WITH_TZ_AND_MS).format(zonedDateTime);
    }

    @Override
    public int compareTo(DateTimeType other) {
        return getInstant().compareTo(other.getInstant());
    }

    @Override
    public int hashCode() {
        return getInstant().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof DateTimeType other && getInstant().equals(other.getInstant());
    }
}
