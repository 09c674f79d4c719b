__pubgenSearch.shard("r",[["notices/tools/index.html","管理工具使用说明",1,0,0,"2025-03-01","","本支部整理了常用管理工具的清单，供党员学习使用。"]]);
