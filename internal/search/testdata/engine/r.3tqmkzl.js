__pubgenSearch.shard("r",[["disclosures/fees/index.html","党费收缴情况公示",0,0,1,"2024-12-31","","党费按月收缴，账目公开。9001 号文件与 ISO 标准无关。"]]);
