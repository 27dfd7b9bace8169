"""More roles on stage, as programmes print them: director, producer, cast member, interpreter."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0022_import_jobs'),
    ]

    operations = [
        migrations.AlterField(
            model_name='participation',
            name='role',
            field=models.CharField(choices=[('panelist', 'Panelist'), ('moderator', 'Moderator'), ('keynote', 'Keynote speaker'), ('host', 'Host'), ('speaker', 'Speaker'), ('interviewer', 'Interviewer'), ('guest', 'Guest'), ('director', 'Director'), ('producer', 'Producer'), ('cast', 'Cast member'), ('interpreter', 'Interpreter')], default='panelist', max_length=32, verbose_name='role'),
        ),
    ]
