__pubgenSearch.shard("rd0","rdi2g6y2f6rcdwyeacanc2lqz4ylzjkgbl3dppqlptub2hoaegttrbogecwuylr");
