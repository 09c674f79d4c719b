__pubgenSearch.shard("td0","yduttos");
