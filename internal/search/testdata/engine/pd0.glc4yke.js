__pubgenSearch.shard("pd0","ug4k6m5");
