__pubgenSearch.shard("td0","q63biet");
