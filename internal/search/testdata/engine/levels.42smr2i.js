__pubgenSearch.shard("levels","3E2F2G1cQ0");
