class Sample {
    String status = "@text/offline.no-serial";
}
