__pubgenSearch.shard("nd0","p7lo6c7");
