class Handler {
    String a = "@text/offline.present";
    String b = "@text/offline.missing [\"x\"]";
    String c = "@text/offline." + b;
}
