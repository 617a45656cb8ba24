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
package org.openhab.core.common;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in of openHAB Core's base of all colon-separated unique ids.
 *
 * @author Dyson binding team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractUID {

    public static final String SEGMENT_PATTERN = "[\\w-]*";
    public static final String SEPARATOR = ":";

    private final List<String> segments;

    public AbstractUID(String uid) {
        this(Arrays.asList(uid.split(SEPARATOR)));
    }

    public AbstractUID(String... segments) {
        this(Arrays.asList(segments));
    }

    public AbstractUID(List<String> segments) {
        if (segments.size() < getMinimalNumberOfSegments()) {
            throw new IllegalArgumentException(
                    "UID must have at least " + getMinimalNumberOfSegments() + " segments: " + segments);
        }
        for (int i = 0; i < segments.size(); i++) {
            validateSegment(segments.get(i), i, segments.size());
        }
        this.segments = List.copyOf(segments);
    }

    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int segment) {
        return segments.get(segment);
    }

    protected void validateSegment(String segment, int index, int length) {
        if (!segment.matches(SEGMENT_PATTERN)) {
            throw new IllegalArgumentException(
                    "ID segment '" + segment + "' contains invalid characters; it must match " + SEGMENT_PATTERN);
        }
    }

    public String getAsString() {
        return String.join(SEPARATOR, segments);
    }

    @Override
    public String toString() {
        return getAsString();
    }

    @Override
    public int hashCode() {
        return 31 + segments.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj != null && obj.getClass() == getClass() && segments.equals(((AbstractUID) obj).segments);
    }
}
