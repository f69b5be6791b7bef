import type { FastifyPluginAsync } from 'fastify';
import { participantRoutes } from './participants.routes.ts';
import { sessionRoutes } from './sessions.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

export const rosterRoutes: FastifyPluginAsync = async (app) => {
  await app.register(participantRoutes);
  await app.register(sessionRoutes);
  await app.register(peopleRoutes);
  await app.register(settingsRoutes);
};
