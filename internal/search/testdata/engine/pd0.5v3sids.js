__pubgenSearch.shard("pd0","ca6jgdr");
