CREATE UNIQUE INDEX "retailers_org_id" ON "retailers" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_org_id" ON "users" USING btree ("org_id","id");