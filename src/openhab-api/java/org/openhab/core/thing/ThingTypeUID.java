package org.openhab.core.thing;
public class ThingTypeUID { public ThingTypeUID(String a, String b) {} }
