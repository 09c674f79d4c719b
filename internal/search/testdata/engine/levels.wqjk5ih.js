__pubgenSearch.shard("levels","E2c2f");
