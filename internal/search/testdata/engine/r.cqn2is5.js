__pubgenSearch.shard("r",[["showcases/day/index.html","主题党日活动剪影",2,0,0,"2024-05-04","","支部开展主题党日活动，党员重温入党誓词。"]]);
