import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type Runtime } from '@gtr/server';
import { PinoNestLogger } from '@gtr/telemetry';
import { AppModule } from './app.module';
import { jsonBody } from './common/json-body.middleware';

/** Builds the api on a runtime (tests call this with their own runtime). */
export async function createApiApp(runtime: Runtime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRuntime(runtime), {
    logger: new PinoNestLogger(runtime.logger.child({ context: 'nest' })),
    bodyParser: false,
  });
  app.use(jsonBody());
  app.disable('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GPT Task Runner API')
      .setDescription('Run LLM work reliably: runs, attempts, events. See docs/api.md.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: gtr_…' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
