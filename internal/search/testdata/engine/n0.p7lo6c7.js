__pubgenSearch.shard("n0","E2c2f");
