import { ResolveField, Resolver } from '@nestjs/graphql';
import { Me } from '@samverkan/accounts';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { MyReviewsService } from './my-reviews.service';
import { MyReview } from './my-reviews.types';

@Resolver(() => Me)
export class MyReviewsResolver {
  constructor(private readonly reviews: MyReviewsService) {}

  @Allow(Permission.Authenticated)
  @ResolveField(() => [MyReview], { description: 'Review rounds waiting for my answer, by deadline.' })
  reviewsWaiting(@Ctx() ctx: RequestContext): Promise<MyReview[]> {
    return this.reviews.waiting(ctx);
  }
}
