// A program against the generated Go SDK: a contact, a channel, a rotation and the lookups.
// tests/sdk builds it with `go build` (no Go language host here).
package main

import (
	"github.com/pulumi-ssm-contacts/ssm-contacts/sdk/go/ssmcontacts"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		contact, err := ssmcontacts.NewContact(ctx, "akuam", &ssmcontacts.ContactArgs{
			Alias:       pulumi.String("akuam"),
			Type:        ssmcontacts.ContactTypePersonal,
			DisplayName: pulumi.String("Akua M"),
			Tags:        pulumi.StringMap{"team": pulumi.String("sre")},
		})
		if err != nil {
			return err
		}
		channel, err := ssmcontacts.NewContactChannel(ctx, "phone", &ssmcontacts.ContactChannelArgs{
			ContactId:       contact.Arn,
			Name:            pulumi.String("phone"),
			Type:            ssmcontacts.ChannelTypeSms,
			DeliveryAddress: pulumi.ToSecret(pulumi.String("+15555550123")).(pulumi.StringOutput),
		})
		if err != nil {
			return err
		}
		_, err = ssmcontacts.NewRotation(ctx, "primary", &ssmcontacts.RotationArgs{
			Name:       pulumi.String("primary"),
			ContactIds: pulumi.StringArray{contact.Arn},
			TimeZoneId: pulumi.String("Europe/Paris"),
			Recurrence: &ssmcontacts.RotationRecurrenceArgs{
				NumberOfOnCalls:      pulumi.Int(1),
				RecurrenceMultiplier: pulumi.Int(1),
				DailySettings: ssmcontacts.RotationRecurrenceHandOffTimeArray{
					&ssmcontacts.RotationRecurrenceHandOffTimeArgs{HourOfDay: pulumi.Int(9), MinuteOfHour: pulumi.Int(0)},
				},
			},
		})
		if err != nil {
			return err
		}
		alias := "akuam"
		found, err := ssmcontacts.LookupContact(ctx, &ssmcontacts.LookupContactArgs{Alias: &alias})
		if err != nil {
			return err
		}
		ctx.Export("foundArn", pulumi.String(found.Arn))
		ctx.Export("status", ssmcontacts.LookupContactChannelOutput(ctx, ssmcontacts.LookupContactChannelOutputArgs{
			Arn: channel.Arn,
		}).ActivationStatus())
		return nil
	})
}
