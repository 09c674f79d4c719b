__pubgenSearch.shard("r",[["study/rules/index.html","管理制度汇编",3,1,0,"2025-01-01","","管理要严格，工具要趁手。本汇编收录支部的各项制度。"]]);
